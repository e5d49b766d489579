using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PartyWorkflow.Application;
using PartyWorkflow.Application.Common;
using PartyWorkflow.Application.Users;
using PartyWorkflow.Persistence;

namespace PartyWorkflow.Cli;

/// <summary>
/// <c>partyworkflow users create-admin --user NAME</c>: an administrator, with the password read from
/// standard input (never an argument, which the shell's history and <c>ps</c> would show).
/// </summary>
public static class UsersCommand
{
    public static async Task<int> CreateAdminAsync(string userName, string? connection, IConfiguration configuration, TextReader input, TextWriter output, TextWriter error)
    {
        if (connection is not null) configuration["ConnectionStrings:Default"] = connection;
        var password = (await input.ReadLineAsync())?.TrimEnd('\r', '\n');
        if (string.IsNullOrEmpty(password))
        {
            error.WriteLine("Give the password on standard input, e.g.: read -s PW && echo \"$PW\" | partyworkflow users create-admin --user admin");
            return 2;
        }
        var services = new ServiceCollection().AddLogging();
        services.AddDbContext<PartyWorkflowDbContext>(o => DatabaseProvider.Configure(o, ServiceCollectionExtensions.ConnectionString(configuration)));
        services.AddSingleton(new Clock(TimeProvider.System, new PartyWorkflowOptions()));
        UserServices.AddUsers(services);
        await using var provider = services.BuildServiceProvider();
        var result = await FirstAdmin.CreateAsync(provider, userName, password, onlyIfNone: false);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors) error.WriteLine($"{e.Code}: {e.Description}");
            return 1;
        }
        output.WriteLine($"Administrator '{userName}' created.");
        return 0;
    }
}
