import { makePlan, type ResamplePlan } from './resample-plan';

/** Designed filters per (fromRate, toRate), most recently made last; a few rate pairs at most in practice. */
const planCache = new Map<string, ResamplePlan>();
const PLAN_CACHE_LIMIT = 16;

/** The plan for a rate pair, designed on first use. */
export function cachedPlan(fromRate: number, toRate: number): ResamplePlan {
  const key = `${fromRate}:${toRate}`;
  let plan = planCache.get(key);
  if (!plan) {
    plan = makePlan(fromRate, toRate);
    if (planCache.size >= PLAN_CACHE_LIMIT) planCache.delete(planCache.keys().next().value as string);
    planCache.set(key, plan);
  }
  return plan;
}
