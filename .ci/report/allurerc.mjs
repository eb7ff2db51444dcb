// Allure Report 3 settings for this suite: `npx allure generate --config .ci/report/allurerc.mjs allure-results`
// (from the project directory, after `npm ci --prefix .ci/report`). Allure 3 does not read
// categories.json from the results directory, so the same file is given here; it takes the
// first category that matches (hence: infrastructure first), while Allure 2 lists a result
// under every category that matches.
import { readFileSync } from "node:fs";

const categories = JSON.parse(readFileSync(new URL("../../src/main/resources/categories.json", import.meta.url), "utf8"))
  .map(({ description, ...rule }) => rule);

export default {
  name: "Pulp task throughput",
  output: "target/allure3-report",
  categories,
  plugins: {
    awesome: {
      options: {
        reportName: "Pulp task throughput",
        // ALLURE3_SINGLE_FILE=true: one index.html that opens from file:// (no server needed)
        singleFile: process.env.ALLURE3_SINGLE_FILE === "true",
      },
    },
  },
};
