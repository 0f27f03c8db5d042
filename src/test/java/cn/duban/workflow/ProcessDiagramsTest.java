package cn.duban.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every process in processes/ carries a drawn diagram (BPMNDI) that Cockpit, the Modeler and the item page can show:
 * a shape with bounds for every flow node, an edge of at least two waypoints for every sequence flow, starting and
 * ending at its shapes, no two shapes of one (sub)process on top of each other (boundary events sit on their host's
 * border) and a subprocess's nodes inside its shape.
 */
class ProcessDiagramsTest {

    /** How far (px) an edge's end may lie from its shape's outline. */
    private static final double NEAR = 5;

    static Stream<Path> processes() throws IOException {
        return Files.list(Path.of("processes")).filter(p -> p.toString().endsWith(".bpmn")).sorted();
    }

    @ParameterizedTest
    @MethodSource("processes")
    void everyNodeAndFlowIsDrawn(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        Map<String, Bounds> shapes = model.getModelElementsByType(BpmnShape.class).stream()
                .filter(s -> s.getBpmnElement() != null && s.getBounds() != null)
                .collect(Collectors.toMap(s -> s.getBpmnElement().getId(), BpmnShape::getBounds));
        Map<String, BpmnEdge> edges = model.getModelElementsByType(BpmnEdge.class).stream()
                .filter(e -> e.getBpmnElement() != null)
                .collect(Collectors.toMap(e -> e.getBpmnElement().getId(), Function.identity()));
        List<FlowNode> nodes = List.copyOf(model.getModelElementsByType(FlowNode.class));
        assertThat(nodes).as(file + " has flow nodes").isNotEmpty();
        assertThat(nodes).as("flow nodes of " + file + " without a shape").allMatch(n -> shapes.containsKey(n.getId()));

        List<String> bad = new ArrayList<>();
        for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
            BpmnEdge edge = edges.get(flow.getId());
            if (edge == null || edge.getWaypoints().size() < 2) {
                bad.add(flow.getId() + ": no edge of two waypoints or more");
                continue;
            }
            List<Waypoint> points = List.copyOf(edge.getWaypoints());
            if (!onOutline(points.get(0), shapes.get(flow.getSource().getId()))) {
                bad.add(flow.getId() + ": does not start at " + flow.getSource().getId());
            }
            if (!onOutline(points.get(points.size() - 1), shapes.get(flow.getTarget().getId()))) {
                bad.add(flow.getId() + ": does not end at " + flow.getTarget().getId());
            }
        }
        for (int i = 0; i < nodes.size(); i++) {
            FlowNode a = nodes.get(i);
            if (a.getParentElement() instanceof SubProcess sub && !inside(shapes.get(a.getId()), shapes.get(sub.getId()))) {
                bad.add(a.getId() + ": outside its subprocess " + sub.getId());
            }
            for (FlowNode b : nodes.subList(i + 1, nodes.size())) {
                if (a.getParentElement() == b.getParentElement() && !(a instanceof BoundaryEvent) && !(b instanceof BoundaryEvent)
                        && overlap(shapes.get(a.getId()), shapes.get(b.getId()))) {
                    bad.add(a.getId() + " and " + b.getId() + " overlap");
                }
            }
        }
        assertThat(bad).as(file.toString()).isEmpty();
    }

    /** The point lies on the rectangle's outline, give or take {@link #NEAR}. */
    private static boolean onOutline(Waypoint p, Bounds b) {
        double x = p.getX(), y = p.getY();
        double left = b.getX(), top = b.getY(), right = left + b.getWidth(), bottom = top + b.getHeight();
        boolean withinGrown = x >= left - NEAR && x <= right + NEAR && y >= top - NEAR && y <= bottom + NEAR;
        boolean deepInside = x > left + NEAR && x < right - NEAR && y > top + NEAR && y < bottom - NEAR;
        return withinGrown && !deepInside;
    }

    private static boolean overlap(Bounds a, Bounds b) {
        return a.getX() < b.getX() + b.getWidth() && b.getX() < a.getX() + a.getWidth()
                && a.getY() < b.getY() + b.getHeight() && b.getY() < a.getY() + a.getHeight();
    }

    private static boolean inside(Bounds inner, Bounds outer) {
        return inner.getX() >= outer.getX() && inner.getY() >= outer.getY()
                && inner.getX() + inner.getWidth() <= outer.getX() + outer.getWidth()
                && inner.getY() + inner.getHeight() <= outer.getY() + outer.getHeight();
    }
}
