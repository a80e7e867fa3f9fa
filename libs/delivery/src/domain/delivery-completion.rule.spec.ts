import { describe, expect, it } from '@jest/globals';
import { checkStopCompletion, type StopCompletionError } from './delivery-completion.rule.js';

const now = new Date('2024-03-04T03:00:00Z');
const arrivedAt = new Date('2024-03-04T02:30:00Z');

describe('checkStopCompletion', () => {
  it('records a receipt by the retailer', () => {
    expect(checkStopCompletion({ arrivedAt, receiver: 'retailer' }, now)).toEqual({
      ok: true,
      value: {
        arrivedAt,
        receiver: 'retailer',
        receiverName: null,
        receiverRelation: null,
        reason: null,
        proxyReceipt: false,
      },
    });
  });

  it('records a proxy receipt with name, relation and reason, flagged', () => {
    const input = {
      arrivedAt,
      receiver: 'proxy',
      receiverName: ' 王芳 ',
      receiverRelation: ' 店主之女 ',
      reason: ' 店主住院 ',
    };
    expect(checkStopCompletion(input, now)).toEqual({
      ok: true,
      value: {
        arrivedAt,
        receiver: 'proxy',
        receiverName: '王芳',
        receiverRelation: '店主之女',
        reason: '店主住院',
        proxyReceipt: true,
      },
    });
  });

  it.each<[string, object, StopCompletionError[]]>([
    [
      'proxy without a reason',
      { receiver: 'proxy', receiverName: '王芳', receiverRelation: '店主之女' },
      [{ code: 'DELIVERY_PROXY_REASON_REQUIRED', field: 'reason' }],
    ],
    [
      'proxy with a blank reason',
      { receiver: 'proxy', receiverName: '王芳', receiverRelation: '店主之女', reason: '   ' },
      [{ code: 'DELIVERY_PROXY_REASON_REQUIRED', field: 'reason' }],
    ],
    [
      'proxy without a name',
      { receiver: 'proxy', receiverRelation: '店员', reason: '店主外出' },
      [{ code: 'DELIVERY_PROXY_RECEIVER_NAME_REQUIRED', field: 'receiverName' }],
    ],
    [
      'proxy without a relation',
      { receiver: 'proxy', receiverName: '王芳', receiverRelation: ' ', reason: '店主外出' },
      [{ code: 'DELIVERY_PROXY_RELATION_REQUIRED', field: 'receiverRelation' }],
    ],
    [
      'proxy with neither',
      { receiver: 'proxy', receiverName: null, reason: null },
      [
        { code: 'DELIVERY_PROXY_REASON_REQUIRED', field: 'reason' },
        { code: 'DELIVERY_PROXY_RECEIVER_NAME_REQUIRED', field: 'receiverName' },
        { code: 'DELIVERY_PROXY_RELATION_REQUIRED', field: 'receiverRelation' },
      ],
    ],
    [
      'an unknown receiver',
      { receiver: 'neighbour' },
      [{ code: 'DELIVERY_RECEIVER_INVALID', field: 'receiver' }],
    ],
    [
      'an arrival 10 minutes ahead of the server',
      { receiver: 'retailer', arrivedAt: new Date('2024-03-04T03:10:00Z') },
      [{ code: 'DELIVERY_ARRIVED_IN_FUTURE', field: 'arrivedAt' }],
    ],
    [
      'an arrival that is not an instant, and an unknown receiver',
      { receiver: '', arrivedAt: new Date('nonsense') },
      [
        { code: 'DELIVERY_ARRIVAL_INVALID', field: 'arrivedAt' },
        { code: 'DELIVERY_RECEIVER_INVALID', field: 'receiver' },
      ],
    ],
  ])('refuses %s, coded by the first problem', (_case, input, errors) => {
    expect(checkStopCompletion({ arrivedAt, receiver: 'retailer', ...input }, now)).toMatchObject({
      ok: false,
      code: errors[0]?.code,
      details: { errors },
    });
  });

  it('answers with the first problem and its message, listing every problem', () => {
    expect(checkStopCompletion({ arrivedAt, receiver: 'proxy', receiverName: '', reason: '' }, now)).toEqual({
      ok: false,
      code: 'DELIVERY_PROXY_REASON_REQUIRED',
      message: 'Goods received by a proxy (代接货) need a reason',
      details: {
        errors: [
          { code: 'DELIVERY_PROXY_REASON_REQUIRED', field: 'reason' },
          { code: 'DELIVERY_PROXY_RECEIVER_NAME_REQUIRED', field: 'receiverName' },
          { code: 'DELIVERY_PROXY_RELATION_REQUIRED', field: 'receiverRelation' },
        ],
      },
    });
  });

  it('tolerates a handheld clock up to 5 minutes ahead, or as configured', () => {
    const fiveAhead = new Date('2024-03-04T03:05:00Z');
    expect(checkStopCompletion({ arrivedAt: fiveAhead, receiver: 'retailer' }, now).ok).toBe(true);
    expect(
      checkStopCompletion({ arrivedAt: fiveAhead, receiver: 'retailer' }, now, { maxClockSkewMinutes: 0 }).ok,
    ).toBe(false);
  });
});
