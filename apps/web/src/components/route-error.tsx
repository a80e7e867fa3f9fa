import { Button, ErrorBlock } from 'antd-mobile';

/** A page that could not load (a chunk fetched without a connection, or a bug): said in Chinese, with a retry. */
export function RouteError() {
  return (
    <ErrorBlock status="disconnected" title="页面加载失败" description="请检查网络连接后重试。" fullPage>
      <Button color="primary" onClick={() => window.location.reload()}>
        重新加载
      </Button>
    </ErrorBlock>
  );
}
