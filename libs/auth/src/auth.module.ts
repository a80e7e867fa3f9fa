import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '#libs/shared';
import { AuditModule } from '#libs/audit';
import { OrgModule } from '#libs/org';
import { ActorLoader } from './actor-loader.js';
import { AdminBootstrap } from './admin-bootstrap.js';
import { AuthController } from './auth.controller.js';
import { AuthGuard } from './auth.guard.js';
import { AuthService } from './auth.service.js';
import { LoginThrottle, User } from './user.entity.js';
import { UsersController } from './users.controller.js';
import { UsersService } from './users.service.js';
import { StaffDirectory } from './staff-directory.js';
import { SessionCookies } from './session-cookies.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([User, LoginThrottle]),
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        // A KeyObject: given a string, jsonwebtoken first tries (and fails) to parse it as a public key on every call.
        secret: createSecretKey(Buffer.from(config.jwtSecret)),
        signOptions: { algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
    AuditModule,
    OrgModule,
  ],
  providers: [
    AuthService,
    UsersService,
    ActorLoader,
    AdminBootstrap,
    StaffDirectory,
    SessionCookies,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  controllers: [AuthController, UsersController],
  exports: [UsersService, StaffDirectory],
})
export class AuthModule {}
