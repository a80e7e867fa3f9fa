import { MyProblemsPage } from '@/features/problems';

export default MyProblemsPage;
