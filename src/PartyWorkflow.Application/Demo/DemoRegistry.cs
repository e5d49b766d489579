using Mediator;
using PartyWorkflow.Application.Registry;
using PartyWorkflow.Application.Units;
using PartyWorkflow.Application.Funds;
using PartyWorkflow.Application.Records;
using System.Text.Json.Nodes;
using PartyWorkflow.Application.Instances;
using PartyWorkflow.Engine.Execution;
using PartyWorkflow.Engine.Rules;

namespace PartyWorkflow.Application.Demo;

/// <summary>
/// The work committees' side of the demo: the prefecture's work committee and two county ones, and
/// forty units of both types with a realistic mix: some covered standalone, two joint branches, one
/// unit affiliated to an industrial park's committee, one with an instructor, one closed, the rest
/// not covered yet. Made through the same commands as the API.
/// </summary>
internal sealed class DemoRegistry(IMediator mediator, DateOnly today)
{
    private const string CountyA = "990101", CountyB = "990102";
    private static readonly string[] Industries = ["C", "E", "A", "G", "H", "F", "C", "E", "O", "C", "A", "G"];
    private static readonly string[] SecretaryNames = ["马志远", "何静", "罗文斌", "龙秀英", "杨光明", "吴兰", "石建华", "潘晓燕", "田永红", "欧阳明", "蒋丽华", "韦国强", "侯婷"];
    private int sequence, secretaries;
    private readonly List<Guid> secretaryIds = [];
    private readonly List<UnitView> units = [];

    public sealed record WorkCommittees(Guid Prefecture, Guid CountyA, Guid CountyB);

    public async Task<WorkCommittees> WorkCommitteesAsync(CancellationToken ct)
    {
        var prefecture = await mediator.Send(new CreateOrganization("示例州非公有制经济组织和社会组织工作委员会", "work-committee", null, false, null, CountyCode: "990000"), ct);
        var a = await mediator.Send(new CreateOrganization("东山县两新工委", "work-committee", prefecture.Id, false, null, CountyCode: CountyA), ct);
        var b = await mediator.Send(new CreateOrganization("西河县两新工委", "work-committee", prefecture.Id, false, null, CountyCode: CountyB), ct);
        return new WorkCommittees(prefecture.Id, a.Id, b.Id);
    }

    /// <summary>The units; <paramref name="parkCommittee"/> is the committee that hosts affiliated units, <paramref name="instructor"/> is dispatched to one.</summary>
    public async Task SeedUnitsAsync(WorkCommittees committees, Guid parkCommittee, Guid instructor, CancellationToken ct)
    {
        string[] enterprises =
        [
            "东山县星辰科技有限公司", "东山县恒达建材有限公司", "东山县绿源农业开发有限公司", "东山县鑫源物流有限公司", "东山县华美酒店有限公司",
            "东山县兴旺超市有限公司", "东山县金穗米业有限公司", "东山县宏图建筑工程有限公司", "东山县鸿运汽车服务有限公司", "东山县永安电子有限公司",
            "东山县山水茶业有限公司", "东山县通达运输有限公司", "西河县民族刺绣有限公司", "西河县银饰工艺有限公司", "西河县康源药业有限公司",
            "西河县青山林业有限公司", "西河县顺心家政服务有限公司", "西河县新城房地产开发有限公司", "西河县宏达矿业有限公司", "西河县惠民农贸有限公司",
            "西河县天成水电有限公司", "西河县乐活文化传媒有限公司", "西河县益康医疗器械有限公司", "西河县福源食品有限公司", "西河县安居物业管理有限公司",
        ];
        string[] socials =
        [
            "东山县益民社会工作服务中心", "东山县个体劳动者协会", "东山县律师协会", "东山县老年人体育协会", "东山县慈善总会",
            "东山县青年创业促进会", "东山县民办幼儿园协会", "西河县商会", "西河县志愿者协会", "西河县民族文化研究会",
            "西河县农村专业合作经济组织联合会", "西河县残疾人福利基金会", "西河县书法家协会", "西河县社区养老服务中心", "西河县家庭教育指导中心",
        ];
        for (var i = 0; i < enterprises.Length; i++)
            units.Add(await UnitAsync(enterprises[i], "non-public-enterprise", i < 12 ? CountyA : CountyB, Industries[i % Industries.Length],
                full: i switch { < 6 => 3 + i % 4, < 10 => 1, _ => 0 }, employees: 20 + i * 7, ct));
        for (var i = 0; i < socials.Length; i++)
            units.Add(await UnitAsync(socials[i], "social-organization", i < 7 ? CountyA : CountyB, "S", full: i < 4 ? 3 + i : i % 3, employees: 5 + i, ct));

        // Standalone branches in the first six enterprises and four social organizations, set up over the years.
        for (var i = 0; i < 6; i++) await BranchAsync(units[i].Name + "党支部", "standalone", committees.CountyA, CountyA, today.AddYears(-6 + i), ct, units[i].Id);
        for (var i = 0; i < 4; i++) await BranchAsync(units[25 + i].Name + "党支部", "standalone", committees.CountyA, CountyA, today.AddYears(-5 + i).AddMonths(2), ct, units[25 + i].Id);
        // Two joint branches of small enterprises: one in each county.
        await BranchAsync("东山县小微企业联合党支部", "joint", committees.CountyA, CountyA, today.AddYears(-3), ct, units[6].Id, units[7].Id, units[8].Id);
        await BranchAsync("西河县民族手工业联合党支部", "joint", committees.CountyB, CountyB, today.AddMonths(-14), ct, units[12].Id, units[13].Id);
        // One enterprise affiliated to the park's committee; an instructor dispatched to one with no members.
        await mediator.Send(new CoverUnits(parkCommittee, [units[9].Id], today.AddYears(-2), "affiliated"), ct);
        await mediator.Send(new AssignToUnit(units[14].Id, instructor, "instructor", today.AddMonths(-10), today.AddMonths(14)), ct);
        // A unit that closed last year.
        await mediator.Send(new UpdateUnit(units[24].Id, new UnitFields(ClosedOn: today.AddYears(-1))), ct);
    }

    private async Task<UnitView> UnitAsync(string name, string type, string county, string industry, int full, int employees, CancellationToken ct) =>
        await mediator.Send(new CreateUnit(new UnitFields(
            Name: name, Type: type, CreditCode: DemoCreditCode(type, county, ++sequence), CountyCode: county, IndustryCode: industry,
            Address: county == CountyA ? "东山县城关镇" : "西河县古城街道", HasFixedPremises: sequence % 4 != 0, Employees: employees,
            SurveyFullMembers: full, SurveyProbationaryMembers: sequence % 5 == 0 ? 1 : 0, LeaderIsMember: sequence % 3 == 0,
            WillingToEstablish: full > 0 || sequence % 2 == 0, FoundedOn: today.AddYears(-12).AddMonths(sequence))), ct);

    private async Task BranchAsync(string name, string mode, Guid workCommittee, string county, DateOnly established, CancellationToken ct, params Guid[] units)
    {
        var branch = await mediator.Send(new CreateOrganization(name.Length > 200 ? name[..200] : name, "branch", workCommittee, false, null,
            CountyCode: county, FormationMode: mode, EstablishedOn: established), ct);
        await mediator.Send(new CoverUnits(branch.Id, units, established, mode), ct);
        // Its secretary, a member working in its first unit, elected shortly before registration.
        var n = ++secretaries;
        var secretary = await mediator.Send(new CreateMember(SecretaryNames[n % SecretaryNames.Length], n % 2 == 0 ? "male" : "female", "汉族",
            DemoData.DemoCitizenId(new DateOnly(1975 + n, 4, 1 + n), 300 + n), null, null, branch.Id, "full", true, null, established.AddYears(-8), UnitId: units[0]), ct);
        await mediator.Send(new RecordTerm(branch.Id, established.AddDays(-10), null, secretary.Id, null, null), ct);
        if (n == 1)
            await mediator.Send(new RecordPayment(branch.Id, established.AddMonths(1), 5000m, branch.Name, "start-up", "州两新工委拨付凭证 001"), ct);
        // Its plaque two weeks on (fixed or mobile by the unit's premises); the welcome package for most, half of it for one.
        await mediator.Send(new RecordPlaque(branch.Id, units[0], null, established.AddDays(14), "党员活动室"), ct);
        foreach (var item in WelcomePackage.Items.Take(n == 4 ? 4 : n < 8 ? 8 : 0))
            await mediator.Send(new DeliverWelcomeItem(branch.Id, item.Id, established.AddDays(20), null), ct);
        secretaryIds.Add(secretary.Id);
    }

    /// <summary>
    /// A joint request of two small social organizations of 东山县 (one full member and two), sent a
    /// week ago: it waits for the county work committee's reply, the first thing in its approval queue.
    /// The founders are members of <paramref name="branch"/> (a community branch, say) working in the units.
    /// </summary>
    public async Task SeedRequestAsync(WorkCommittees committees, Guid actor, Guid branch, CancellationToken ct)
    {
        var (one, two) = (units[25 + 4], units[25 + 5]);
        var founders = new List<Guid>();
        string[] names = ["陈立", "苏敏", "黄涛"];
        foreach (var (unit, i) in new[] { (one, 0), (two, 1), (two, 2) })
            founders.Add((await mediator.Send(new CreateMember(names[i], i == 1 ? "female" : "male", "汉族",
                DemoData.DemoCitizenId(new DateOnly(1985 + i, 6, 10 + i), 400 + i), null, null, branch, "full", true, null, today.AddYears(-5), UnitId: unit.Id), ct)).Id);
        var body = new JsonObject
        {
            ["date"] = FactReader.Format(today.AddDays(-7)),
            ["workCommitteeId"] = committees.CountyA.ToString(), ["name"] = "东山县社会组织联合党支部", ["mode"] = "joint", ["proposedKind"] = "branch",
            ["unitIds"] = new JsonArray(one.Id.ToString(), two.Id.ToString()),
            ["foundingMemberIds"] = new JsonArray(founders.Select(f => (JsonNode)f.ToString()).ToArray()),
        };
        await mediator.Send(new StartInstance("organization-establishment", ActionBody.Parse(body.ToJsonString()), null,
            Access.ActorRoles.InProcess(actor, "instructor")), ct);
    }

    /// <summary>The year's training class for secretaries, attended by the demo's, a hardship visit and a commendation.</summary>
    public async Task SeedRecordsAsync(WorkCommittees committees, CancellationToken ct)
    {
        var training = await mediator.Send(new CreateTrainingClass("两新组织党组织书记培训班", "secretaries", committees.Prefecture,
            today.AddMonths(-2), today.AddMonths(-2).AddDays(2), 3, 24), ct);
        await mediator.Send(new RecordAttendance(training.Id, secretaryIds), ct);
        await mediator.Send(new AddRecord("hardship-visit", null, secretaryIds[0], today.AddMonths(-10), "春节走访慰问困难党员", "东山县两新工委", 500m), ct);
        await mediator.Send(new AddRecord("commendation", null, secretaryIds[1], today.AddMonths(-5), "优秀党务工作者", "示例州委"), ct);
    }

    /// <summary>A valid unified social credit code: 9 1 (enterprise) or 5 1 (social organization), the county, a body, the check character.</summary>
    private static string DemoCreditCode(string type, string county, int n)
    {
        var first17 = $"{(type == "social-organization" ? "51" : "91")}{county}{n:D9}";
        return first17 + CreditCode.ExpectedCheckCharacter(first17);
    }
}
