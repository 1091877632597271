import type { ReactNode } from "react";
import { Panel, PanelGroup, PanelResizeHandle } from "react-resizable-panels";
import { ArrowLeft } from "lucide-react";
import { PHONE_QUERY, useMediaQuery } from "../lib/use-media-query";
import { useEver } from "../lib/use-ever";
import { useHotkeys } from "../lib/hotkeys";
import "./split-view.css";

/**
 * The layout of every section: a list and the item it opened, side by side from
 * tablet width up (resizable, sizes remembered per section), one at a time on a
 * phone, where the detail has a back button. Both panes stay mounted on a phone
 * (the hidden one by CSS), so going back finds the list where it was. A phone gets
 * plain boxes, not the resizable group: nothing to resize there, and the group's
 * first layout (stored sizes, computed styles) costs a slow phone's first screen.
 */
export function SplitView(props: {
  /** Names the remembered pane sizes: "orgo.<id>.panes". */
  id: string;
  list: ReactNode;
  detail: ReactNode;
  /** Whether an item is open: on a phone, the detail shows instead of the list. */
  showDetail: boolean;
  back: { label: string; onBack: () => void };
  listSize?: number;
  listMin?: number;
  detailMin?: number;
  className?: string;
}) {
  const phone = useMediaQuery(PHONE_QUERY);
  // On a phone opened straight on an item, the list is drawn the first time it is
  // shown (Back), not hidden behind the item meanwhile; once drawn it stays.
  const listShown = useEver(!props.showDetail);
  // Esc closes the open item (as Back does). A field keeps its Esc, and a dialog or a
  // menu handles its own first and marks it handled: useHotkeys leaves both alone.
  useHotkeys({ keys: { Escape: props.back.onBack }, enabled: props.showDetail });
  const back = props.showDetail && (
    <button type="button" className="pane__back" onClick={props.back.onBack}>
      <ArrowLeft aria-hidden size={20} /> {props.back.label}
    </button>
  );
  if (phone) {
    return (
      <div
        className={`panes panes--single ${props.className ?? ""}`}
        data-showing={props.showDetail ? "detail" : "list"}
      >
        <div className="pane pane--list">{listShown && props.list}</div>
        <div className="pane pane--detail">
          {back}
          {props.detail}
        </div>
      </div>
    );
  }
  return (
    <PanelGroup
      direction="horizontal"
      autoSaveId={`orgo.${props.id}.panes`}
      className={`panes ${props.className ?? ""}`}
      data-showing={props.showDetail ? "detail" : "list"}
    >
      <Panel defaultSize={props.listSize ?? 38} minSize={props.listMin ?? 24} className="pane pane--list">
        {props.list}
      </Panel>
      <PanelResizeHandle className="pane__handle" />
      <Panel minSize={props.detailMin ?? 30} className="pane pane--detail">
        {back}
        {props.detail}
      </Panel>
    </PanelGroup>
  );
}
