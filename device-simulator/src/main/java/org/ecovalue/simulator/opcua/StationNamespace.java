package org.ecovalue.simulator.opcua;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.milo.opcua.sdk.core.AccessLevel;
import org.eclipse.milo.opcua.sdk.core.Reference;
import org.eclipse.milo.opcua.sdk.core.nodes.VariableNodeProperties;
import org.eclipse.milo.opcua.sdk.server.ManagedNamespaceWithLifecycle;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.items.DataItem;
import org.eclipse.milo.opcua.sdk.server.items.MonitoredItem;
import org.eclipse.milo.opcua.sdk.server.nodes.UaFolderNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.sdk.server.util.SubscriptionModel;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.EUInformation;
import org.ecovalue.schemas.observation.Flag;
import org.ecovalue.schemas.observation.Parameter;

/**
 * {@code Objects/Stations/{stationId}/{param}} (DESIGN.md "OPC UA"): one folder per station, one
 * Double variable per parameter with an {@code EngineeringUnits} property; node ids are the same
 * path as strings, so a client can also address them directly.
 */
final class StationNamespace extends ManagedNamespaceWithLifecycle {

    static final String URI = "urn:ecovalue:simulator:stations";

    private final SubscriptionModel subscriptions;
    private final Map<String, UaVariableNode> variables = new HashMap<>();

    StationNamespace(OpcUaServer server, Map<String, List<Parameter>> stations) {
        super(server, URI);
        subscriptions = new SubscriptionModel(server, this);
        getLifecycleManager().addLifecycle(subscriptions);
        getLifecycleManager().addStartupTask(() -> build(stations));
    }

    private void build(Map<String, List<Parameter>> stations) {
        UaFolderNode root = new UaFolderNode(getNodeContext(), newNodeId("Stations"), newQualifiedName("Stations"),
                LocalizedText.english("Stations"));
        getNodeManager().addNode(root);
        root.addReference(new Reference(root.getNodeId(), NodeIds.Organizes, NodeIds.ObjectsFolder.expanded(),
                Reference.Direction.INVERSE));
        stations.forEach((station, params) -> {
            String path = "Stations/" + station;
            UaFolderNode folder = new UaFolderNode(getNodeContext(), newNodeId(path), newQualifiedName(station),
                    LocalizedText.english(station));
            getNodeManager().addNode(folder);
            root.addOrganizes(folder);
            for (Parameter p : params) {
                UaVariableNode v = new UaVariableNode.UaVariableNodeBuilder(getNodeContext())
                        .setNodeId(newNodeId(path + "/" + p.code()))
                        .setBrowseName(newQualifiedName(p.code()))
                        .setDisplayName(LocalizedText.english(p.code()))
                        .setDataType(NodeIds.Double)
                        .setTypeDefinition(NodeIds.AnalogItemType)
                        .setAccessLevel(AccessLevel.READ_ONLY)
                        .setUserAccessLevel(AccessLevel.READ_ONLY)
                        .setValue(new DataValue(StatusCode.UNCERTAIN)) // nothing measured yet
                        .build();
                v.setProperty(VariableNodeProperties.EngineeringUnits, new EUInformation(
                        "urn:ecovalue:units", -1, LocalizedText.english(p.canonicalUnit()),
                        LocalizedText.english(p.code() + " in " + p.canonicalUnit())));
                getNodeManager().addNode(v);
                folder.addComponent(v);
                variables.put(station + "/" + p.code(), v);
            }
        });
    }

    /** A new value; the SourceTimestamp is the measurement time. */
    void set(String station, String param, double value, Flag flag, Instant sourceTime) {
        UaVariableNode v = variables.get(station + "/" + param);
        if (v == null) {
            return;
        }
        // HJ 212 N is good; maintenance and calibration are uncertain; anything else is bad (ingest reads it as D)
        StatusCode status = switch (flag) {
            case N -> StatusCode.GOOD;
            case M, C -> StatusCode.UNCERTAIN;
            default -> StatusCode.BAD;
        };
        v.setValue(new DataValue(new Variant(value), status, new DateTime(sourceTime), DateTime.now()));
    }

    @Override
    public void onDataItemsCreated(List<DataItem> items) {
        subscriptions.onDataItemsCreated(items);
    }

    @Override
    public void onDataItemsModified(List<DataItem> items) {
        subscriptions.onDataItemsModified(items);
    }

    @Override
    public void onDataItemsDeleted(List<DataItem> items) {
        subscriptions.onDataItemsDeleted(items);
    }

    @Override
    public void onMonitoringModeChanged(List<MonitoredItem> items) {
        subscriptions.onMonitoringModeChanged(items);
    }
}
