export { ProblemNewPage } from './components/problem-new-page';
export { MyProblemsPage } from './components/my-problems-page';
export { answerProblem, PROBLEM_KIND_LABELS, useProblems, type Problem } from './api/problems-api';
