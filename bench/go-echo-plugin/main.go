// go-echo-plugin: the minimal Go Velero plugin the shim is measured against: go-plugin's server with
// one RestoreItemAction, bench.io/echo, that decodes the item JSON and encodes it back, as Velero's Go
// framework does around an action that changes nothing.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"

	"github.com/hashicorp/go-plugin"
	"google.golang.org/grpc"

	generated "github.com/vmware-tanzu/velero/pkg/plugin/generated"
)

const name = "bench.io/echo"

type lister struct{}

func (lister) ListPlugins(context.Context, *generated.Empty) (*generated.ListPluginsResponse, error) {
	return &generated.ListPluginsResponse{Plugins: []*generated.PluginIdentifier{{Command: os.Args[0], Kind: "RestoreItemAction", Name: name}}}, nil
}

type echo struct{}

func (echo) AppliesTo(_ context.Context, req *generated.RestoreItemActionAppliesToRequest) (*generated.RestoreItemActionAppliesToResponse, error) {
	return &generated.RestoreItemActionAppliesToResponse{ResourceSelector: &generated.ResourceSelector{}}, nil
}

func (echo) Execute(_ context.Context, req *generated.RestoreItemActionExecuteRequest) (*generated.RestoreItemActionExecuteResponse, error) {
	if req.Plugin != name {
		return nil, fmt.Errorf("RestoreItemAction plugin: %s was not found or has an invalid name format", req.Plugin)
	}
	var item, restore map[string]interface{}
	if err := json.Unmarshal(req.Item, &item); err != nil {
		return nil, err
	}
	if err := json.Unmarshal(req.Restore, &restore); err != nil {
		return nil, err
	}
	out, err := json.Marshal(item)
	if err != nil {
		return nil, err
	}
	return &generated.RestoreItemActionExecuteResponse{Item: out}, nil
}

type server struct {
	plugin.NetRPCUnsupportedPlugin
}

func (server) GRPCServer(_ *plugin.GRPCBroker, s *grpc.Server) error {
	generated.RegisterPluginListerServer(s, lister{})
	generated.RegisterRestoreItemActionServer(s, echo{})
	return nil
}

func (server) GRPCClient(context.Context, *plugin.GRPCBroker, *grpc.ClientConn) (interface{}, error) {
	return nil, fmt.Errorf("server side only")
}

func main() {
	plugin.Serve(&plugin.ServeConfig{
		HandshakeConfig: plugin.HandshakeConfig{ProtocolVersion: 2, MagicCookieKey: "VELERO_PLUGIN", MagicCookieValue: "hello"},
		Plugins:         map[string]plugin.Plugin{"echo": server{}},
		GRPCServer:      plugin.DefaultGRPCServer,
	})
}
