import { defineErrors } from '#libs/shared';

export const interactionError = defineErrors({
  PROBLEM_TRANSITION_FORBIDDEN: { status: 409, message: 'The problem cannot do that in its current state' },
  PROBLEM_ABOUT_REQUIRED: { status: 400, message: 'Name the role an "other" problem is about' },
  PROBLEM_ABOUT_MISMATCH: {
    status: 400,
    message: 'The role named is not the one this kind of problem is about',
  },
  PROBLEM_ABOUT_OWN_ROLE: { status: 400, message: 'A problem is raised about another role, not one’s own' },
  PROBLEM_POLICY_INVALID: { status: 400, message: 'The answer time is whole hours from 1 to 720' },
});
