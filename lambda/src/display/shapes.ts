/**
 * What the body diagrams and the progress chart are drawn with: paths and texts, each with a role
 * (its class in SVG). One shape type and one style, so the APL graphic (apl.ts) and the SVG
 * (svg.ts) render both drawings with the same code.
 */
export type DrawnShape<PathRole extends string = string, TextRole extends string = string> =
  | {
      kind: 'path';
      role: PathRole;
      d: string;
      fill?: string;
      stroke?: string;
      strokeWidth?: number;
      dash?: number[];
    }
  | {
      kind: 'text';
      role: TextRole;
      text: string;
      x: number;
      y: number;
      size: number;
      anchor: 'start' | 'middle' | 'end';
      fill: string;
    };

/** How a drawing's shapes look: the body diagrams use bold labels and rounded line ends; the chart is plain. */
export interface DrawStyle {
  boldText: boolean;
  roundLines: boolean;
}

export const DIAGRAM_STYLE: DrawStyle = { boldText: true, roundLines: true };
export const CHART_STYLE: DrawStyle = { boldText: false, roundLines: false };
