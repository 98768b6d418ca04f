import { Principal } from './principal';
import { Permission } from './roles';

const controllerOfSon = new Principal(1, 'kim', [{ role: 'controller', boardCode: 'SON' }]);
const managerOfAln = new Principal(2, 'maria', [{ role: 'manager', boardCode: 'ÄLN' }]);
const auditorOfBoth = new Principal(3, 'frida', [
  { role: 'auditor', boardCode: 'SON' },
  { role: 'auditor', boardCode: 'ÄLN' },
]);
const admin = new Principal(4, 'admin', [{ role: 'admin', boardCode: null }]);
const nobody = new Principal(5, 'ingen', []);

describe('Principal.can: the table of SPEC 7, per board', () => {
  it.each<[string, Principal, Permission, string | null, boolean]>([
    ['controller reads its board', controllerOfSon, 'read', 'SON', true],
    ['controller writes its board', controllerOfSon, 'write', 'SON', true],
    ['controller submits its board', controllerOfSon, 'submit', 'SON', true],
    ['controller does not approve', controllerOfSon, 'approve', 'SON', false],
    ['controller does not read the audit trail', controllerOfSon, 'audit', 'SON', false],
    ['controller has nothing on another board', controllerOfSon, 'read', 'ÄLN', false],
    ['a board code is matched without regard to case', controllerOfSon, 'write', 'son', true],
    ['manager approves its board', managerOfAln, 'approve', 'ÄLN', true],
    ['manager reads the audit trail', managerOfAln, 'audit', 'ÄLN', true],
    ['manager does not reopen', managerOfAln, 'admin', null, false],
    ['manager does not approve another board', managerOfAln, 'approve', 'SON', false],
    ['auditor reads', auditorOfBoth, 'read', 'ÄLN', true],
    ['auditor reads the audit trail', auditorOfBoth, 'audit', 'SON', true],
    ['auditor writes nothing', auditorOfBoth, 'write', 'SON', false],
    ['auditor submits nothing', auditorOfBoth, 'submit', 'SON', false],
    ['admin writes any board', admin, 'write', 'XYZ', true],
    ['admin administers', admin, 'admin', null, true],
    ['a board permission without a board is refused', controllerOfSon, 'read', null, false],
    ['anyone with a role is signed in', auditorOfBoth, 'signedIn', null, true],
    ['no role at all: not even signed-in routes', nobody, 'signedIn', null, false],
  ])('%s', (_label, principal, permission, board, expected) => {
    expect(principal.can(permission, board)).toBe(expected);
  });

  it('lists the boards a person sees; an administrator every board (null)', () => {
    expect(auditorOfBoth.visibleBoards()).toEqual(new Set(['SON', 'ÄLN']));
    expect(admin.visibleBoards()).toBeNull();
  });
});
