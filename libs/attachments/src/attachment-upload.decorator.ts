import { applyDecorators } from '@nestjs/common';
import {
  ApiPayloadTooLargeResponse,
  ApiUnsupportedMediaTypeResponse,
  ApiBadRequestResponse,
} from '@nestjs/swagger';
import { ApiFileUpload, ErrorBody } from '#libs/shared';

/** OpenAPI for a route taking one file as multipart field `file` into the attachment store (its answer: the route's). */
export const ApiAttachmentUpload = () =>
  applyDecorators(
    ApiFileUpload(),
    ApiBadRequestResponse({
      type: ErrorBody,
      description: 'ATTACHMENT_MISSING, ATTACHMENT_UPLOAD_MALFORMED, ATTACHMENT_EMPTY, ATTACHMENT_UNREADABLE',
    }),
    ApiPayloadTooLargeResponse({ type: ErrorBody, description: 'ATTACHMENT_TOO_LARGE' }),
    ApiUnsupportedMediaTypeResponse({
      type: ErrorBody,
      description: 'ATTACHMENT_TYPE_NOT_ALLOWED (by content, not by name)',
    }),
  );
