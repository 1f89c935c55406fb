using System.Net;
using System.Net.Sockets;

namespace AdilSoz.Intake.Admin.Security;

/// <summary>
/// The network a request comes from, as login limits count it: an IPv4 address, or the /64 of an IPv6 address
/// (one subscriber gets a whole /64, so counting single IPv6 addresses counts nothing).
/// </summary>
public static class ClientNetwork
{
    public static string Of(HttpContext context) => Of(context.Connection.RemoteIpAddress);

    public static string Of(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
