// Validates an OpenAPI document (file path argument): @apidevtools/swagger-parser validate, then
// @redocly/cli lint with the recommended ruleset (redocly.yaml: examples that do not match their schema are errors). Prints one summary line; exit 1 on any error.
import SwaggerParser from "@apidevtools/swagger-parser";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import path from "node:path";

const file = process.argv[2];
if (!file) { console.error("usage: node check.mjs openapi.json"); process.exit(2); }
const here = path.dirname(fileURLToPath(import.meta.url));
let failed = false;
try {
  await SwaggerParser.validate(file);
  console.log("swagger-parser: valid");
} catch (e) {
  failed = true;
  console.log("swagger-parser: INVALID " + e.message);
}
try {
  const out = execFileSync(path.join(here, "node_modules/.bin/redocly"),
    ["lint", "--config", path.join(here, "redocly.yaml"), "--format=summary", file], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  console.log("redocly: " + out.trim().split("\n").slice(-3).join(" | "));
} catch (e) {
  failed = true;
  console.log("redocly: FAILED " + String(e.stdout || "") + String(e.stderr || "").split("\n").slice(-5).join(" | "));
}
process.exit(failed ? 1 : 0);
