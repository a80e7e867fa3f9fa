import { ProblemNewPage } from '@/features/problems';

export default ProblemNewPage;
