import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DatabaseHealth, ErrorBody, Public } from '#libs/shared';
import { HealthResponse } from './health.response.js';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly database: DatabaseHealth) {}

  @Get()
  @Public()
  @ApiOkResponse({ type: HealthResponse, description: 'The API and its database answer' })
  @ApiServiceUnavailableResponse({ type: ErrorBody, description: 'The database does not answer' })
  @ApiOperation({ summary: 'Liveness for load balancers: the API and its database answer' })
  async health(@Res() reply: FastifyReply) {
    const database = await this.database.check();
    const uptimeSeconds = Math.round(process.uptime());
    if (database.up) {
      return reply
        .status(200)
        .send({ status: 'ok', database: { status: 'up', latencyMs: database.latencyMs }, uptimeSeconds });
    }
    return reply.status(503).send({
      statusCode: 503,
      code: 'DATABASE_UNAVAILABLE',
      message: 'The database does not answer',
      status: 'error',
      database: { status: 'down', latencyMs: database.latencyMs },
      uptimeSeconds,
    });
  }
}
