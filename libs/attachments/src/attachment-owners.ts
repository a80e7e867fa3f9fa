import { Injectable } from '@nestjs/common';
import type { Actor } from '#libs/shared';

/** What an owning context answers about its records, for the attachments they carry. */
export interface AttachmentOwner {
  /** Whether the actor may see record `ownerId` (its role and scope, as the context's own reads decide). */
  maySee(actor: Actor, ownerId: number): Promise<boolean>;
}

/**
 * Who may see an attachment is the owning record's question: each context that keeps attachments registers
 * its kind of record (`visit`, `demand`, …) here at start, and the store asks it before serving a file.
 * A kind nobody registered is seen by nobody.
 */
@Injectable()
export class AttachmentOwners {
  private readonly owners = new Map<string, AttachmentOwner>();

  register(ownerKind: string, owner: AttachmentOwner): void {
    if (this.owners.has(ownerKind)) throw new Error(`attachment owner ${ownerKind} registered twice`);
    this.owners.set(ownerKind, owner);
  }

  async maySee(actor: Actor, ownerKind: string, ownerId: number): Promise<boolean> {
    const owner = this.owners.get(ownerKind);
    return owner ? owner.maySee(actor, ownerId) : false;
  }
}
