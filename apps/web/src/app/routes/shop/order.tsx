export default function Page() {
  return <p className="section">建设中</p>;
}
