import Foundation
import KioskUI

/// `--dump-scene`: each reached screen's semantic nodes as JSON
/// (`[{"screen": id, "focus": id or null, "nodes": [{"id", "role", "label", "frame": {x,y,width,height},
/// "enabled", "selected"}]}]`).
public enum SceneDump {
    public static func json(_ scenes: [Scene]) -> Data {
        let array: [[String: Any]] = scenes.map { scene in
            [
                "screen": scene.screenID, "focus": scene.focus ?? NSNull(),
                "size": ["width": scene.size.width, "height": scene.size.height],
                "nodes": scene.nodes.map { node -> [String: Any] in
                    [
                        "id": node.id, "role": node.role.rawValue, "label": node.label,
                        "frame": [
                            "x": node.frame.x, "y": node.frame.y, "width": node.frame.width,
                            "height": node.frame.height,
                        ],
                        "enabled": node.enabled, "selected": node.selected,
                    ]
                },
            ]
        }
        // Force-try: the dictionary holds only JSON types by construction.
        return try! JSONSerialization.data(withJSONObject: array, options: [.prettyPrinted, .sortedKeys])
    }
}
