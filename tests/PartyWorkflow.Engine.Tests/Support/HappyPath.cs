using static PartyWorkflow.Engine.Tests.Support.TestRegistry;

namespace PartyWorkflow.Engine.Tests.Support;

/// <summary>
/// Every action of a development from application to full membership, with facts that meet every
/// rule. The activist is confirmed on 2025-03-01 and designated exactly a year later.
/// </summary>
internal static class HappyPath
{
    public static readonly DateOnly Birth = new(1995, 5, 20);

    private const string Meeting = """ "entitled": 10, "present": 8, "yes": 7, "no": 1, "abstain": 0 """;

    public static readonly IReadOnlyList<(string Action, string Facts)> Actions =
    [
        ("submit-application", $$"""
            { "person": { "name": "张三", "gender": "male", "ethnicity": "汉族", "citizenId": "{{CitizenIds.Valid(Birth)}}", "phone": "13800000000" },
              "branchId": "{{Branch}}", "applicationDate": "2025-01-10" }
            """),
        ("initial-talk", $$"""{ "date": "2025-01-20", "talkerId": "{{Secretary}}", "notes": "谈话记录" }"""),
        ("confirm-activist", """{ "date": "2025-03-01", "recommendationMethod": "member-recommendation" }"""),
        ("file-activist-record", """{ "date": "2025-03-05" }"""),
        ("assign-contacts", $$"""{ "date": "2025-03-10", "contactIds": ["{{ContactOne}}", "{{ContactTwo}}"] }"""),
        ("record-inspection", """{ "date": "2025-09-01", "assessment": "表现良好" }"""),
        ("record-thought-report", """{ "date": "2025-10-01", "summary": "学习体会" }"""),
        ("record-inspection", """{ "date": "2026-02-01", "assessment": "表现良好" }"""),
        ("designate-development-target", """{ "date": "2026-03-01", "opinionsHeard": ["party-group", "members"] }"""),
        ("file-target-record", """{ "date": "2026-03-05" }"""),
        ("assign-sponsors", $$"""{ "date": "2026-03-10", "sponsorIds": ["{{SponsorOne}}", "{{SponsorTwo}}"] }"""),
        ("political-review", """{ "date": "2026-04-01", "result": "passed", "conclusion": "合格" }"""),
        ("complete-training", """{ "date": "2026-05-01", "days": 3, "classHours": 24 }"""),
        ("branch-committee-review", """{ "date": "2026-05-10", "result": "passed" }"""),
        ("pre-review", $$"""{ "date": "2026-05-20", "result": "passed", "approverOrganizationId": "{{PartyCommittee}}", "leavingUnitWithin3Months": false }"""),
        ("fill-application-form", """{ "date": "2026-06-01", "formNumber": "2026-001" }"""),
        ("branch-meeting-admission", $$"""{ "date": "2026-06-10", {{Meeting}} }"""),
        ("committee-talk", $$"""{ "date": "2026-06-20", "talkerId": "{{Secretary}}", "opinion": "同意" }"""),
        ("committee-approval", $$"""{ "date": "2026-07-01", "decision": "approved", "approverOrganizationId": "{{PartyCommittee}}" }"""),
        ("file-with-organization-department", """{ "date": "2026-07-10" }"""),
        ("assign-to-group", """{ "date": "2026-07-15", "partyGroup": "第一党小组" }"""),
        ("take-oath", """{ "date": "2026-07-20" }"""),
        ("record-probation-inspection", """{ "date": "2027-01-10", "assessment": "表现良好" }"""),
        ("apply-for-full-membership", """{ "date": "2027-05-10" }"""),
        ("branch-meeting-confirmation", $$"""{ "date": "2027-06-10", "proposal": "confirm", {{Meeting}} }"""),
        ("committee-approval-confirmation", $$"""{ "date": "2027-07-01", "decision": "approved", "approverOrganizationId": "{{PartyCommittee}}" }"""),
        ("archive-materials", """{ "date": "2027-07-10", "archiveReference": "档案-2027-001" }"""),
    ];
}
