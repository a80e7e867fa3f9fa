import { Card } from 'antd';
import { TimelinePage } from '@/features/timeline';

/** A retailer's three-role timeline at the desk: the same page as on the phone, in a card. */
export default function RetailerTimelinePage() {
  return (
    <Card>
      <TimelinePage />
    </Card>
  );
}
