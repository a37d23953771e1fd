/** The Plan Review's editor kind: its id is the period reviewed ("FY2027", or ALL_PERIODS). */
export const REVIEW_EDITOR = 'review';
