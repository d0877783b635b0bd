import { z } from 'zod';
import { pattern } from './common';

export const ENFORCEMENTS = ['fail', 'warn'] as const;

/** An accepted, dated exception to one baseline rule. */
export const waiverSchema = z.strictObject({
  rule: pattern(/^AKS-[A-Z0-9]+-\d{3}$/, 'a baseline rule ID such as AKS-SEC-001 (see docs/baseline.md)').describe(
    'The baseline rule waived, e.g. AKS-NET-002 (docs/baseline.md lists every rule).',
  ),
  environment: z
    .string()
    .optional()
    .describe('Only in this environment (useful in `defaults`). Default: every environment the waiver is inherited by.'),
  resource: z
    .string()
    .optional()
    .describe(
      'Only for this resource: its address as reports show it (`prod-infra.azurerm_key_vault.kv_vault_1A2B3C4D`), its Terraform address, or its construct path (`prod-infra/kv/vault`); `*` matches any run of characters and `?` one character. Default: every resource the rule looks at.',
    ),
  reason: z.string().min(10).describe('Why the exception is acceptable and who accepted it (at least 10 characters). Shown in every report.'),
  expires: pattern(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD').describe(
    'Last day the waiver applies (YYYY-MM-DD, UTC); from the next day the rule fails again and synth says so.',
  ),
});

/** How the security baseline (the AKS baseline) is enforced at synth time. */
export const baselineSchema = z.strictObject({
  enforcement: z
    .enum(ENFORCEMENTS)
    .default('fail')
    .describe(
      'fail: an unwaived error-level baseline failure stops synth (non-zero exit, nothing written); warn: it is reported only. Default: fail (the development preset sets warn).',
    ),
  waivers: z
    .array(waiverSchema)
    .default([])
    .describe('Accepted exceptions to baseline rules, each with a reason and an expiry date. Listed in every report. Default: none.'),
});

export type WaiverConfig = z.output<typeof waiverSchema>;
export type BaselineConfig = z.output<typeof baselineSchema>;
