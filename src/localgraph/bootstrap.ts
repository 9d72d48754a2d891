import type { Db } from './db';
import { isoSeconds } from './field-values';
import { DEMO_PEOPLE } from './people';
import { DEMO_TENANT } from './tenant';
import { createWebhook } from './webhooks';

const SEEDED_KEY = 'seeded';

/** Seeds the contoso tenant on first start; a data dir that already holds it is left alone. */
export function bootstrap(db: Db): void {
  const done = db
    .prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?')
    .get(SEEDED_KEY);
  if (done) return;
  const now = isoSeconds(new Date());
  db.transaction(() => {
    const insertUser = db.prepare(
      `INSERT INTO users (id, lookup_id, alias, kind, upn, display_name, given_name, surname, job_title, company_name, department)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    DEMO_PEOPLE.forEach((p, i) => {
      insertUser.run(
        p.id,
        i + 7,
        p.alias,
        p.kind,
        p.userPrincipalName,
        p.displayName,
        p.givenName,
        p.surname,
        p.jobTitle,
        p.companyName,
        p.department,
      );
    });

    const insertSite = db.prepare(
      `INSERT INTO sites (id, name, display_name, description, web_url, is_root, group_id, created, modified)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const { rootSite, groupSite, group } = DEMO_TENANT;
    insertSite.run(
      rootSite.id,
      rootSite.name,
      rootSite.displayName,
      rootSite.description,
      rootSite.webUrl,
      1,
      null,
      now,
      now,
    );
    insertSite.run(
      groupSite.id,
      groupSite.name,
      groupSite.displayName,
      groupSite.description,
      groupSite.webUrl,
      0,
      group.id,
      now,
      now,
    );

    const insertRole = db.prepare('INSERT INTO site_roles (site_id, user_id, role) VALUES (?, ?, ?)');
    for (const p of DEMO_PEOPLE) {
      insertRole.run(rootSite.id, p.id, p.siteRole);
      insertRole.run(groupSite.id, p.id, p.siteRole);
    }

    db.prepare(
      'INSERT INTO teams (id, display_name, description, site_id, created) VALUES (?, ?, ?, ?, ?)',
    ).run(group.id, group.displayName, group.description, groupSite.id, now);
    const insertChannel = db.prepare(
      'INSERT INTO channels (id, team_id, display_name, description, created) VALUES (?, ?, ?, ?, ?)',
    );
    for (const ch of DEMO_TENANT.channels) {
      insertChannel.run(ch.id, group.id, ch.displayName, ch.description, now);
      createWebhook(db, ch.id);
    }
    db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run(SEEDED_KEY, now);
  })();
}
