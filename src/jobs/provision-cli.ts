import { parseFlags, runCommand } from './cli';
import { connectForProvisioning, graphIsLocal, readProvisionAccess } from './provision-access';
import { describeProgress, describeProvisioning, nothingToDo, provisionNamedSite } from './provision-site';
import { parseSiteRef } from './site-ref';

const USAGE = 'npm run provision -- --site <site URL or Graph site id> [--as <person> | --app-only] [--json]';

runCommand(async () => {
  const flags = parseFlags(
    process.argv.slice(2),
    {
      site: { type: 'string' },
      as: { type: 'string' },
      'app-only': { type: 'boolean' },
      json: { type: 'boolean' },
    },
    USAGE,
  );
  // Everything that can be checked without the network is, before anyone is asked to sign in.
  const local = graphIsLocal(process.env);
  const ref = parseSiteRef(flags.site, { local });
  const access = readProvisionAccess(process.env, {
    local,
    as: flags.as,
    appOnly: flags['app-only'] ?? false,
  });
  const ctx = await connectForProvisioning(access, {
    tell: (message) => process.stderr.write(`${message}\n`),
  });
  const outcome = await provisionNamedSite(ctx, ref, access, {
    onProgress: (progress) => process.stderr.write(`${describeProgress(progress)}\n`),
  });
  process.stdout.write(
    flags.json
      ? `${JSON.stringify({ ...outcome, nothingToDo: nothingToDo(outcome.report) })}\n`
      : `${describeProvisioning(outcome)}\n`,
  );
});
