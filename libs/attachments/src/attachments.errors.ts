import { defineErrors } from '#libs/shared';

export const attachmentError = defineErrors({
  ATTACHMENT_MISSING: { status: 400, message: 'Send the file as multipart/form-data in the field "file"' },
  ATTACHMENT_UPLOAD_MALFORMED: {
    status: 400,
    message: 'The upload is not well-formed multipart/form-data (boundary, parts or end missing)',
  },
  ATTACHMENT_EMPTY: { status: 400, message: 'The file is empty' },
  ATTACHMENT_TOO_LARGE: { status: 413, message: 'The file is larger than this kind of attachment allows' },
  ATTACHMENT_TYPE_NOT_ALLOWED: {
    status: 415,
    message: 'The file’s content is not a type this kind of attachment accepts',
  },
  ATTACHMENT_UNREADABLE: { status: 400, message: 'The image cannot be read (damaged or not what it claims)' },
});
