import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, TransactionRunner } from '#libs/shared';
import { AuditService } from '#libs/audit';
import { hashPassword } from './password-hasher.js';
import { User } from './user.entity.js';

/**
 * When no administrator exists (first start, or a freshly seeded database), creates `admin` with
 * ADMIN_PASSWORD, or a generated password printed once to the log.
 */
@Injectable()
export class AdminBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger('AdminBootstrap');

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const generated = this.config.adminPassword ? undefined : randomBytes(12).toString('base64url');
    const password = this.config.adminPassword ?? generated!;
    const created = await this.transactions.run(async (manager) => {
      // Replicas starting together: one creates, the others find it made.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('admin-bootstrap', 0))`);
      if (await manager.existsBy(User, { role: 'admin' })) return false;
      if (await manager.existsBy(User, { username: 'admin' })) {
        this.logger.warn('no administrator exists, but the username "admin" is taken: create one by hand');
        return false;
      }
      const admin = manager.create(User, {
        username: 'admin',
        displayName: '系统管理员',
        role: 'admin',
        orgUnitId: null,
        passwordHash: await hashPassword(password),
        status: 'active',
      });
      await manager.save(admin);
      await this.audit.record(manager, 'system', {
        action: 'user.bootstrap_admin',
        entityType: 'user',
        entityId: admin.id,
      });
      return true;
    });
    if (created && generated) {
      this.logger.warn(
        `created user "admin" with the generated password ${generated} — change it after the first login`,
      );
    } else if (created) {
      this.logger.log('created user "admin" with ADMIN_PASSWORD');
    }
  }
}
