export { probabilityOfPurchase } from './probabilityOfPurchase.js';
export { probabilityAliveAt } from './probabilityAliveAt.js';
export type { FutureModel } from './futureModel.js';
