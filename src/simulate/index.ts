export { simulateTransactions, type SimulateTransactionsOptions, type SimulatedTransaction } from './simulateTransactions.js';
