import { Controller, Get, Header, Param, Res, StreamableFile } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { type Actor, CurrentActor, ErrorBody, ParseIdPipe, ROLES, Roles } from '#libs/shared';
import { AttachmentStore } from './attachment-store.js';
import { MEDIA_TYPES } from './domain/media-type.rule.js';

@ApiTags('attachments')
@Controller('attachments')
export class AttachmentsController {
  constructor(private readonly store: AttachmentStore) {}

  @Get(':id')
  @Roles(...ROLES)
  @Header('cache-control', 'private, max-age=86400, immutable')
  // The file is shown as an image, never run as a page of this site.
  @Header('content-security-policy', "default-src 'none'; sandbox")
  @ApiOperation({
    summary: 'One stored file (a shelf photo, a signature), to whoever may see the record it belongs to',
  })
  @ApiProduces(...MEDIA_TYPES)
  @ApiOkResponse({
    description: 'The file as stored (re-encoded, without metadata)',
    content: Object.fromEntries(
      MEDIA_TYPES.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]),
    ),
  })
  @ApiNotFoundResponse({
    type: ErrorBody,
    description: 'NOT_FOUND: no such file, or its record is not yours to see',
  })
  async file(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: number,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const file = await this.store.open(actor, id);
    void reply.header('etag', `"${file.sha256}"`);
    return new StreamableFile(file.bytes, {
      type: file.mediaType,
      length: file.bytes.length,
      disposition: `inline; filename="attachment-${id}.${file.mediaType.split('/')[1]}"`,
    });
  }
}
