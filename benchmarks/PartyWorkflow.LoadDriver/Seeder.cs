namespace PartyWorkflow.LoadDriver;

/// <summary>Creates the data the load works on, through the HTTP API as any client would.</summary>
public static class Seeder
{
    /// <summary>A party committee with approval authority, and branches under it each with its full members.</summary>
    public static async Task<Organization> CreateOrganizationAsync(Api api, int branchCount, int membersPerBranch, CancellationToken ct)
    {
        var committee = await api.CreateOrganizationAsync("两新综合党委", "party-committee", null, approvalAuthority: true, ct);
        var branches = new Branch[branchCount];
        await Parallel.ForAsync(0, branchCount, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct }, async (i, token) =>
        {
            var branch = await api.CreateOrganizationAsync($"第{i + 1}党支部", "branch", committee, approvalAuthority: false, token);
            var members = new List<Guid>();
            for (var m = 0; m < membersPerBranch; m++) members.Add(await api.CreateMemberAsync(branch, $"支部{i + 1}党员{m + 1}", token));
            branches[i] = new Branch(branch, members);
        });
        return new Organization(committee, branches);
    }

    /// <summary>Submits <paramref name="count"/> applications, <paramref name="parallelism"/> at a time; refusals are reported, not retried.</summary>
    public static async Task<int> SeedApplicationsAsync(Applications applications, int count, int parallelism, CancellationToken ct)
    {
        var refused = 0;
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = ct }, async (_, token) =>
        {
            if ((await applications.SubmitAsync(token)).Status != 201) Interlocked.Increment(ref refused);
        });
        if (refused > 0) await Console.Error.WriteLineAsync($"  ! {refused} of {count} seeded applications were refused");
        return count - refused;
    }
}
