/** The organisation: settings and issuing bodies: what the API, the web and the command line may use (`@innspill/domain`). */
export {
  createIssuingBody,
  issuingBodyInput,
  listIssuingBodies,
  updateIssuingBody,
  updateIssuingBodyInput,
} from "./issuing-bodies";
export {
  getEditableSettings,
  setLetterLogo,
  setLetterLogoInput,
  updateOrganisationSettings,
  updateSettingsInput,
} from "./settings";
