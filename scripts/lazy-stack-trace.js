"use strict";
// cdktf records a full stack trace (every frame) for each token it creates, only to print it if that token later
// fails to resolve. On this platform's ~200 resources that is about a tenth of synth time, more under Jest's deep
// stacks. This version records the trace only when CDKTF_TOKEN_STACK_TRACES is set (set it to debug a token error).
// The bundle (scripts/build.js) replaces cdktf's lib/tokens/private/stack-trace.js with this file; the tests'
// shared cdktf (__tests__/helpers/native-modules.js) patches it in the same way.
Object.defineProperty(exports, "__esModule", { value: true });
exports.captureStackTrace = function captureStackTrace(below) {
  if (!process.env.CDKTF_TOKEN_STACK_TRACES) return [];
  below = below || captureStackTrace;
  const object = { stack: "" };
  const previousLimit = Error.stackTraceLimit;
  try {
    Error.stackTraceLimit = Number.MAX_SAFE_INTEGER;
    Error.captureStackTrace(object, below);
  } finally {
    Error.stackTraceLimit = previousLimit;
  }
  return object.stack ? object.stack.split("\n").slice(1).map((s) => s.replace(/^\s*at\s+/, "")) : [];
};
