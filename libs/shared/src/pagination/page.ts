import { IntegerText } from '../http/validation.js';
import type { Type } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';

export const MAX_PAGE_SIZE = 200;

/** `?page=&pageSize=`, shared by every list endpoint (extend it with the list's own filters). */
export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IntegerText()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  page: number = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 20 })
  @IntegerText()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  pageSize: number = 20;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export function pageOf<T>(items: T[], total: number, query: PageQuery): Page<T> {
  return { items, total, page: query.page, pageSize: query.pageSize };
}

export function pageOffset(query: PageQuery): number {
  return (query.page - 1) * query.pageSize;
}

const pageBodies = new Map<Type, Type>();

/**
 * The OpenAPI schema of a page of `item`s (`{item}Page`: items, total, page, pageSize), for
 * `@ApiOkResponse({ type: PageOf(RetailerResponse) })`. One class per item type, so the document names it once.
 */
export function PageOf(item: Type): Type<Page<unknown>> {
  let body = pageBodies.get(item);
  if (!body) {
    class PageBody implements Page<unknown> {
      @ApiProperty({ type: [item] })
      items: unknown[];

      @ApiProperty({ description: 'Matching rows in all pages', example: 1 })
      total: number;

      @ApiProperty({ example: 1 })
      page: number;

      @ApiProperty({ example: 20 })
      pageSize: number;
    }
    Object.defineProperty(PageBody, 'name', { value: `${item.name.replace(/Response$/, '')}Page` });
    body = PageBody;
    pageBodies.set(item, body);
  }
  return body;
}
