export { ProblemNewPage } from './components/problem-new-page';
export { MyProblemsPage } from './components/my-problems-page';
export { answerProblem, useAwaitingProblemCount, useProblems, type Problem } from './api/problems-api';
