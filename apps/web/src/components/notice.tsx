import { NoticeBar } from 'antd-mobile';

/** A message across the page: errors are announced at once (role alert), the rest politely (role status). */
export function Notice({
  kind,
  children,
}: {
  kind: 'error' | 'alert' | 'info' | 'success';
  children: string;
}) {
  return (
    <div role={kind === 'error' ? 'alert' : 'status'}>
      <NoticeBar content={children} color={kind} wrap />
    </div>
  );
}
