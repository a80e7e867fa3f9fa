import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '#libs/shared';
import { TIMELINE_TYPES, type TimelineType } from './timeline.queries.js';
import type { TimelineEvent, TimelineEventActor, TimelinePage } from './timeline.service.js';

export class TimelineEventActorResponse implements TimelineEventActor {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ROLES }) role: Role;
}

export class TimelineEventResponse implements TimelineEvent {
  @ApiProperty({ description: 'Position of the step: send it as `before` for the next page' }) key: string;
  @ApiProperty({ enum: TIMELINE_TYPES }) type: TimelineType;
  @ApiProperty({ type: String, format: 'date-time' }) at: Date;
  @ApiProperty({ description: 'The id of the visit, lead, delivery, feedback or problem' }) refId: number;
  @ApiProperty({ example: '送货反馈：送货不及时' }) title: string;
  @ApiProperty({ type: String, nullable: true }) detail: string | null;
  @ApiProperty({ type: TimelineEventActorResponse, nullable: true, description: 'Null: the system' })
  actor: TimelineEventActorResponse | null;
}

export class TimelinePageResponse implements TimelinePage {
  @ApiProperty() retailerId: number;
  @ApiProperty() shopName: string;
  @ApiProperty({ description: 'The monopoly licence number 专卖许可证号' }) licenseNo: string;
  @ApiProperty({ type: [TimelineEventResponse] }) items: TimelineEventResponse[];
  @ApiProperty({ type: String, nullable: true, description: 'The `before` of the next page; null: no more' })
  next: string | null;
}
