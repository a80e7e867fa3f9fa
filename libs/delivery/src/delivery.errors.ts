import { defineErrors } from '#libs/shared';

export const deliveryError = defineErrors({
  DELIVERY_TRANSITION_FORBIDDEN: { status: 409, message: 'The delivery cannot do that in its current state' },
  DELIVERY_ARRIVAL_INVALID: { status: 400, message: 'The arrival time is not a valid instant' },
  DELIVERY_ARRIVED_IN_FUTURE: { status: 400, message: 'The arrival time is in the future' },
  DELIVERY_RECEIVER_INVALID: { status: 400, message: 'The receiver is the retailer or a proxy' },
  DELIVERY_PROXY_REASON_REQUIRED: {
    status: 400,
    message: 'Goods received by a proxy (代接货) need a reason',
  },
  DELIVERY_PROXY_RECEIVER_NAME_REQUIRED: {
    status: 400,
    message: 'Goods received by a proxy (代接货) need the name of who received them',
  },
  DELIVERY_PROXY_RELATION_REQUIRED: {
    status: 400,
    message: 'Goods received by a proxy (代接货) need the receiver’s relation to the licence holder',
  },
  DELIVERY_DOOR_CODE_INVALID: {
    status: 400,
    message: 'The door code is not this stop’s, or was not entered on its delivery date',
  },
  DELIVERY_SIGNATURE_NOT_DELIVERED: {
    status: 409,
    message: 'A signature is kept with a stop the driver has completed',
  },
  DELIVERY_CONFIRM_NOT_DELIVERY_DATE: {
    status: 409,
    message: 'The retailer confirms receipt on the stop’s delivery date only',
  },
  DELIVERY_NOT_YOUR_ROUTE: { status: 403, message: 'Only delivery staff of the stop’s route may do this' },
  DELIVERY_PLAN_RANGE_INVALID: {
    status: 400,
    message: 'Plan order dates of the last 31 days, up to yesterday',
  },
  FEEDBACK_TRANSITION_FORBIDDEN: { status: 409, message: 'The feedback cannot do that in its current state' },
  FEEDBACK_NOT_RAISER: { status: 403, message: 'Only whoever raised it may close it' },
  FEEDBACK_NOT_DELIVERY_SIDE: {
    status: 403,
    message: 'Only the route’s delivery staff or the supply point may answer',
  },
});
