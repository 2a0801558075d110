// Start the GOV.UK Frontend components (navigation toggle, error summary focus, buttons).
import { initAll } from "../vendor/govuk-frontend.min.js";

initAll();
