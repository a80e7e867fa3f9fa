import { useNavigate } from 'react-router';
import { RetailerPicker } from '@/components/retailer-picker';

/** 零售户: the territory's retailers; a tap opens the retailer card. */
export function RetailerListPage() {
  const navigate = useNavigate();
  return <RetailerPicker title="零售户" onPick={(id) => navigate(`/retailers/${id}`)} />;
}
