import { describe, expect, it } from "vitest";
import { domainMessages } from "../i18n/messages";
import { notificationText, type NotificationKey } from "./notifications";

describe("notification texts", () => {
  it("every message has the same keys in Norwegian and English", () => {
    expect(Object.keys(domainMessages.en).sort()).toEqual(Object.keys(domainMessages.nb).sort());
  });

  it("are written in either language from the same values", () => {
    const approval = {
      key: "notifyApprovalRequested" as NotificationKey,
      params: { title: "Svar", actor: "Ingrid" },
    };
    expect(notificationText(approval)).toEqual({
      title: "Godkjenn «Svar»",
      body: "Ingrid ber deg godkjenne innspillet.",
    });
    expect(notificationText(approval, "en")).toEqual({
      title: "Approve “Svar”",
      body: "Ingrid asks you to approve the letter.",
    });
  });

  it("say when in words, and name the milestone in the language", () => {
    const due = (days: number) => ({
      key: "notifyMilestoneDue" as NotificationKey,
      params: { milestone: "GODKJENNING", days, title: "H", date: "12.05.2027", deadline: "14.05.2027" },
    });
    expect(notificationText(due(0)).title).toBe("Godkjenning i dag: H");
    expect(notificationText(due(1)).title).toBe("Godkjenning i morgen: H");
    expect(notificationText(due(3)).title).toBe("Godkjenning om 3 arbeidsdager: H");
    expect(notificationText(due(3), "en").title).toBe("Approval in 3 working days: H");
    expect(notificationText(due(3), "en").body).toBe(
      "The milestone “Approval” for “H” is due 12.05.2027. The deadline is 14.05.2027.",
    );
  });

  it("list the moved milestones by their names in the reader's language", () => {
    const moved = (moves: { kind: "UTKAST" | "SIGNERING"; from: string; to: string }[]) => ({
      key: "notifyDeadlineMoved" as NotificationKey,
      params: {
        title: "H",
        actor: "Ingrid",
        from: "01.06.2027",
        to: "08.06.2027",
        moved: moves.length,
        moves,
      },
    });
    expect(notificationText(moved([])).body).toBe(
      "Ingrid har flyttet fristen for «H» fra 01.06.2027 til 08.06.2027.",
    );
    const two = moved([
      { kind: "UTKAST", from: "18.05.2027", to: "25.05.2027" },
      { kind: "SIGNERING", from: "31.05.2027", to: "07.06.2027" },
    ]);
    expect(notificationText(two).body).toBe(
      "Ingrid har flyttet fristen for «H» fra 01.06.2027 til 08.06.2027.\nMilepæler som er flyttet:\n" +
        "• Utkast: 18.05.2027 → 25.05.2027\n• Signering: 31.05.2027 → 07.06.2027",
    );
    expect(notificationText(two, "en").body).toBe(
      "Ingrid moved the deadline for “H” from 01.06.2027 to 08.06.2027.\nMilestones moved with it:\n" +
        "• Draft: 18.05.2027 → 25.05.2027\n• Signing: 31.05.2027 → 07.06.2027",
    );
  });

  it("keep what older notifications stored: the lines as written", () => {
    const old = {
      key: "notifyDeadlineMoved" as NotificationKey,
      params: { title: "H", actor: "I", from: "a", to: "b", moved: 1, moves: "• Utkast: a → b" },
    };
    expect(notificationText(old).body).toContain("\n• Utkast: a → b");
  });
});
