/**
 * User-visible texts raised by the domain: validation messages and AppError messages, by key.
 * The web app merges these into its next-intl messages under `domain`; the CLI prints the Norwegian ones.
 */
export const domainMessages = {
  nb: {
    required: "Må fylles ut.",
    invalid: "Ugyldig verdi.",
    invalidDate: "Skriv en gyldig dato (dd.mm.åååå).",
    invalidUrl: "Skriv en gyldig nettadresse som begynner med https://.",
    invalidEmail: "Skriv en gyldig e-postadresse.",
    titleTooLong: "Tittelen kan være høyst 300 tegn.",
    textTooLong: "Teksten er for lang.",
    referenceTooLong: "Referansen kan være høyst 100 tegn.",
    summaryTooLong: "Sammendraget kan være høyst 5000 tegn.",
    deadlineBeforeReceived: "Høringsfristen kan ikke være før datoen høringen ble mottatt.",
    passwordTooShort: "Passordet må ha minst 10 tegn.",
    nameTooLong: "Navnet kan være høyst 200 tegn.",
    unknownIssuingBody: "Velg en avsender fra listen.",
    unknownResponsible: "Velg en aktiv rådgiver fra listen.",
    unauthorized: "Du må logge inn.",
    forbidden: "Du har ikke tilgang til dette. Rollen din gir ikke rettighet til handlingen.",
    invalidCredentials: "Feil e-post eller passord.",
    tooManyAttempts: "For mange mislykkede innlogginger. Vent 15 minutter og prøv igjen.",
    hearingNotFound: "Fant ikke høringen. Den kan være slettet, eller du har ikke tilgang.",
    hearingConflict:
      "Noen andre har lagret endringer i denne høringen mens du redigerte. Se de nye verdiene under; det du skrev er tatt vare på.",
    userNotFound: "Fant ikke brukeren.",
    emailTaken: "Det finnes allerede en bruker med denne e-postadressen.",
    cannotDeactivateSelf: "Du kan ikke deaktivere din egen bruker.",
  },
  en: {
    required: "Required.",
    invalid: "Invalid value.",
    invalidDate: "Enter a valid date.",
    invalidUrl: "Enter a valid web address starting with https://.",
    invalidEmail: "Enter a valid e-mail address.",
    titleTooLong: "The title can be at most 300 characters.",
    textTooLong: "The text is too long.",
    referenceTooLong: "The reference can be at most 100 characters.",
    summaryTooLong: "The summary can be at most 5000 characters.",
    deadlineBeforeReceived: "The deadline cannot be before the date the hearing was received.",
    passwordTooShort: "The password must have at least 10 characters.",
    nameTooLong: "The name can be at most 200 characters.",
    unknownIssuingBody: "Choose an issuing body from the list.",
    unknownResponsible: "Choose an active adviser from the list.",
    unauthorized: "You must log in.",
    forbidden: "You do not have access to this. Your role does not permit the action.",
    invalidCredentials: "Wrong e-mail or password.",
    tooManyAttempts: "Too many failed logins. Wait 15 minutes and try again.",
    hearingNotFound: "The hearing was not found. It may have been deleted, or you lack access.",
    hearingConflict:
      "Someone else saved changes to this hearing while you were editing. See the new values below; what you typed is kept.",
    userNotFound: "User not found.",
    emailTaken: "A user with this e-mail address already exists.",
    cannotDeactivateSelf: "You cannot deactivate your own user.",
  },
} as const;

export type DomainMessageKey = keyof (typeof domainMessages)["nb"];
