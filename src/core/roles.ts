/**
 * Who may do what. Decided from the Entra object id Teams sends (`aadObjectId`), never from anything a card carries.
 * Empty lists: on the simulator everyone may act (so anyone can try the bot); on real Azure nobody may (fail closed).
 */
import type { Access, Services } from './types';

function allowed(list: string[], simulated: boolean, userId: string): boolean {
  if (list.length === 0) return simulated;
  return list.some((id) => id.toLowerCase() === userId.toLowerCase());
}

export function isOperator(services: Services, userId: string): boolean {
  return allowed(services.config.operatorIds, services.simulated, userId);
}

export function isApprover(services: Services, userId: string): boolean {
  return allowed(services.config.approverIds, services.simulated, userId);
}

export function hasAccess(services: Services, userId: string, access: Access): boolean {
  if (access === 'operator') return isOperator(services, userId);
  if (access === 'approver') return isApprover(services, userId);
  return true;
}
