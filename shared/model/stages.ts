/** The seven track-selling stages: the common sales language both teams plan around, in buying order. */
export const TRACK_SELLING_STAGES = [
  { id: 'approach', name: 'Approach', purpose: 'Open the conversation with a buyer who fits the ideal customer profile.' },
  { id: 'qualification', name: 'Qualification', purpose: 'Confirm the buyer has the need, budget, authority and timing to buy.' },
  { id: 'agreement-on-need', name: 'Agreement on need', purpose: 'Agree with the buyer, in their words, on the problem worth solving.' },
  { id: 'sell-the-company', name: 'Sell the company', purpose: 'Show why we are the safe, credible partner to solve it.' },
  { id: 'fill-the-need', name: 'Fill the need', purpose: 'Present the solution that meets the agreed need and proves its value.' },
  { id: 'act-of-commitment', name: 'Act of commitment', purpose: 'Ask for and secure the buying decision: the signed agreement.' },
  { id: 'cement-the-sale', name: 'Cement the sale', purpose: 'Deliver, confirm satisfaction and turn the customer into a reference and repeat buyer.' },
] as const;

export type StageId = (typeof TRACK_SELLING_STAGES)[number]['id'];
export const STAGE_IDS = TRACK_SELLING_STAGES.map((s) => s.id) as unknown as readonly [StageId, ...StageId[]];

export function stageInfo(id: StageId) {
  const info = TRACK_SELLING_STAGES.find((s) => s.id === id);
  if (!info) throw new Error(`unknown track-selling stage "${id}"`);
  return info;
}
