import { describe, expect, it } from 'vitest';
import { complete } from '../../../../src/shell/completion/complete.js';
import { fabricShell, IQN, ls, row } from './fabric-shell.js';

const PORTALS = `/iscsi/${IQN}/tpg1/portals`;

function withTpg() {
  const s = fabricShell();
  s.run('set global auto_add_default_portal=false', `/iscsi create ${IQN}`);
  return s;
}

describe('portals', () => {
  it("creates the default portal with targetcli's log lines and names it [::0]:3260", () => {
    const s = withTpg();
    expect(s.run(`${PORTALS} create`)).toEqual(['Using default IP port 3260', 'Binding to INADDR_ANY (::0)', 'Created network portal ::0:3260.']);
    expect(s.prefs.bookmarks().last).toBe(`${PORTALS}/[::0]:3260`);
    expect(s.sim.exists(`iscsi/${IQN}/tpgt_1/np/[::0]:3260`)).toBe(true);
  });

  it('creates IPv4 and IPv6 portals on other ports', () => {
    const s = withTpg();
    expect(s.run(`${PORTALS} create 192.0.2.10 3261`)).toEqual(['Created network portal 192.0.2.10:3261.']);
    expect(s.run(`${PORTALS} create ip_address=2001:db8::1`)).toEqual(['Using default IP port 3260', 'Created network portal 2001:db8::1:3260.']);
    expect(ls(s, PORTALS)).toEqual([row('o- ', 'portals', 'Portals: 2'), row('  o- ', '192.0.2.10:3261', 'OK'), row('  o- ', '[2001:db8::1]:3260', 'OK')]);
  });

  it('refuses bad addresses and ports', () => {
    const s = withTpg();
    expect(s.fail(`${PORTALS} create 300.1.1.1`).message).toMatch(/is not an IPv4 or IPv6 address/);
    expect(s.fail(`${PORTALS} create ::0 70000`).message).toBe("Invalid value '70000' for parameter ip_port: the maximum is 65535.");
    expect(s.fail(`${PORTALS} create fe80::1`).message).toMatch(/link-local/);
  });

  it('deletes a portal by address and port, with or without brackets', () => {
    const s = withTpg();
    s.run(`${PORTALS} create`, `${PORTALS} create 192.0.2.10 3261`, `${PORTALS} create 2001:db8::1 3262`);
    expect(s.run(`${PORTALS} delete ::0 3260`)).toEqual(['Deleted network portal ::0:3260']);
    expect(s.run(`${PORTALS} delete [2001:db8::1] 3262`)).toEqual(['Deleted network portal [2001:db8::1]:3262']);
    expect(s.run(`${PORTALS} delete 192.0.2.10 3261`)).toEqual(['Deleted network portal 192.0.2.10:3261']);
    expect(s.fail(`${PORTALS} delete 192.0.2.10 3261`).message).toMatch(/^No portal 192\.0\.2\.10:3261 in TPG/);
  });

  it('finds the wildcard portal by either spelling in a path, as delete does (scripts for targetcli 2.1 check 0.0.0.0:3260)', () => {
    const s = withTpg();
    s.run(`${PORTALS} create`);
    expect(s.run(`${PORTALS}/0.0.0.0:3260 status`)).toEqual([`Status for ${PORTALS}/[::0]:3260: `]);
    expect(s.fail(`${PORTALS}/192.0.2.10:3260 status`).message).toMatch(/No such path/);
    expect(s.fail(`${PORTALS}/0.0.0.0:3261 status`).message).toMatch(/No such path/);
  });

  it('completes existing addresses and ports for delete', () => {
    const s = withTpg();
    s.run(`${PORTALS} create`, `${PORTALS} create 192.0.2.10 3261`);
    expect(complete(s.session, `${PORTALS} delete `).candidates).toEqual(['192.0.2.10', '::0', 'ip_address=', 'ip_port=']);
    expect(complete(s.session, `${PORTALS} delete ::0 `).candidates).toEqual(['3260', '3261', 'ip_port=']);
    expect(complete(s.session, `${PORTALS} create `).candidates).toContain('::0');
  });
});

describe('portal node', () => {
  it('switches iSER and offload, echoing the state as targetcli, and shows it in the summary', () => {
    const s = withTpg();
    s.run(`${PORTALS} create`);
    const portal = `${PORTALS}/[::0]:3260`;
    expect(s.run(`${portal} enable_iser true`)).toEqual(['iSER enable now: True']);
    expect(s.run(`${portal} status`)).toEqual([`Status for ${portal}: iser`]);
    expect(s.run(`${portal} enable_iser false`, `${portal} enable_offload true`)).toEqual(['iSER enable now: False', 'offload enable now: True']);
    expect(s.session.resolve(portal).summary()).toEqual({ text: 'offload', healthy: true });
    expect(s.fail(`${portal} enable_iser maybe`).message).toMatch(/'maybe' is not a boolean/);
    expect(s.run(`${portal} info`)).toEqual(['ip_address: [::0]\niser: false\noffload: true\nport: 3260']);
  });
});
