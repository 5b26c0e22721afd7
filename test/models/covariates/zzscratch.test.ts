import { it } from 'vitest';
import { fitParetoNbd } from '../../../src/models/paretonbd/fitParetoNbd.js';
import { fitBgNbd } from '../../../src/models/bgnbd/fitBgNbd.js';
import { apparelCustomers } from './apparelData.js';
it('ex', () => {
  const c = apparelCustomers();
  const covariates = { purchase: ['Gender', 'Channel'], dropout: ['Gender', 'Channel'] };
  const f = fitParetoNbd(c, { covariates });
  const se = f.standardErrors!, cs = f.covariates!.coefficientStandardErrors!;
  console.log(f.params, se, f.covariates!.coefficients, cs, f.logLikelihood);
  for (const z of [{ Gender: 0, Channel: 0 }, { Gender: 1, Channel: 1 }]) console.log(z, f.covariates!.modelFor(z).expectedPurchasesNewCustomer(52));
  const h = { frequency: 3, recency: 60, T: 104 };
  for (const z of [{ Gender: 0, Channel: 0 }, { Gender: 1, Channel: 1 }]) console.log(z, f.probabilityAlive({ ...h, ...z }), f.expectedPurchases(52, { ...h, ...z }));
  const p = fitParetoNbd(c); console.log('plain', p.params, p.logLikelihood);
  const b = fitBgNbd(c, { covariates }); console.log('bg', b.params, b.covariates!.coefficients, b.logLikelihood, fitBgNbd(c).logLikelihood);
});
