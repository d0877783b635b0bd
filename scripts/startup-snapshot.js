// A Node.js user-land startup snapshot of the bundle (dist/main.js -> dist/main.js.snapshot): a heap in which cdktf,
// the provider classes and the app's own modules are already loaded, so a synth starts from it instead of loading
// them (docs/speed.md). main.ts defers its work to the snapshot's main function, so the configuration, the charts
// and the environment are read at synth time, never baked in.
//
// A blob is only used when its stamp (dist/main.js.snapshot.json) says it was built from this very bundle by this
// very Node.js binary and it is the file that build wrote; Node.js itself does not check, and a foreign or truncated
// blob crashes it. Anything else means rebuild, or run without the snapshot.
const fs = require('fs');
const { spawnSync } = require('child_process');

/** Set to 0 to run without the snapshot (the bundle through its V8 code cache). */
const ENV_SWITCH = 'SYNTH_STARTUP_SNAPSHOT';

const blobOf = (bundle) => `${bundle}.snapshot`;
const stampOf = (bundle) => `${bundle}.snapshot.json`;

/** Size and modification time: enough to notice that a file was replaced, without reading it. */
function fileId(file) {
  const st = fs.statSync(file);
  return { size: st.size, mtimeMs: st.mtimeMs };
}

/** What a usable blob must have been built by and from. */
function expected(bundle) {
  return {
    node: process.version,
    v8: process.versions.v8,
    arch: process.arch,
    platform: process.platform,
    execPath: process.execPath,
    // V8 refuses a blob built under other V8 flags ("different V8 configurations"), and NODE_OPTIONS may hold some.
    nodeOptions: process.env.NODE_OPTIONS || '',
    bundle: fileId(bundle),
  };
}

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Why the blob beside `bundle` cannot be used as it is, or undefined when it can: missing, built from another bundle
 * or by another Node.js, or replaced since it was built.
 */
function staleReason(bundle) {
  let stamp;
  try {
    stamp = JSON.parse(fs.readFileSync(stampOf(bundle), 'utf8'));
  } catch {
    return 'no snapshot built yet';
  }
  const want = expected(bundle);
  if (stamp.node !== want.node || stamp.v8 !== want.v8 || stamp.arch !== want.arch || stamp.platform !== want.platform || stamp.execPath !== want.execPath) {
    return `snapshot built by Node.js ${stamp.node} (${stamp.execPath}), this is ${want.node} (${want.execPath})`;
  }
  if (stamp.nodeOptions !== want.nodeOptions) return 'NODE_OPTIONS changed since the snapshot was built';
  if (!same(stamp.bundle, want.bundle)) return 'bundle changed since the snapshot was built';
  try {
    if (!same(stamp.blob, fileId(blobOf(bundle)))) return 'snapshot file replaced since it was built';
  } catch {
    return 'snapshot file missing';
  }
  return undefined;
}

/**
 * Builds the blob beside `bundle` (`node --snapshot-blob <blob> --build-snapshot <bundle>`); throws with Node's
 * message when it cannot. Written under a temporary name and renamed, the stamp last: a reader never sees a
 * half-written blob, nor a stamp that vouches for a blob it was not written for.
 */
function buildSnapshot(bundle) {
  const blob = blobOf(bundle);
  const tmp = `${blob}.${process.pid}.tmp`;
  const want = expected(bundle);
  try {
    const r = spawnSync(process.execPath, ['--snapshot-blob', tmp, '--build-snapshot', bundle], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    if (r.error) throw r.error;
    if (r.status !== 0) {
      const why = (r.stderr || '').split('\n').find((l) => /error/i.test(l)) || `exit code ${r.status ?? r.signal}`;
      throw new Error(`node --build-snapshot failed: ${why.trim()}`);
    }
    fs.renameSync(tmp, blob);
    fs.writeFileSync(`${stampOf(bundle)}.${process.pid}.tmp`, `${JSON.stringify({ ...want, blob: fileId(blob) }, null, 1)}\n`);
    fs.renameSync(`${stampOf(bundle)}.${process.pid}.tmp`, stampOf(bundle));
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

/** Removes the blob and its stamp (after a blob failed to load). */
function discardSnapshot(bundle) {
  fs.rmSync(stampOf(bundle), { force: true });
  fs.rmSync(blobOf(bundle), { force: true });
}

/** Whether the snapshot is switched off (SYNTH_STARTUP_SNAPSHOT=0). */
const disabled = () => ['0', 'false', 'off', 'no'].includes(String(process.env[ENV_SWITCH] || '').toLowerCase());

module.exports = { ENV_SWITCH, blobOf, buildSnapshot, disabled, discardSnapshot, staleReason, stampOf };
