/** antd theme: the practice-centre red, and elder mode (larger type, stronger contrast, bigger controls). */
import type { ThemeConfig } from 'antd';

const standard: ThemeConfig = { token: { colorPrimary: '#c8161d', colorLink: '#a8071a', borderRadius: 6 } };

const forElders: ThemeConfig = {
  token: {
    colorPrimary: '#a8071a',
    colorLink: '#820014',
    colorText: '#000000',
    colorTextSecondary: '#1f1f1f',
    colorTextTertiary: '#333333',
    colorTextDescription: '#262626',
    colorBorder: '#595959',
    colorBorderSecondary: '#8c8c8c',
    fontSize: 20,
    fontSizeSM: 18,
    fontSizeLG: 22,
    fontSizeHeading1: 36,
    fontSizeHeading2: 30,
    fontSizeHeading3: 26,
    fontSizeHeading4: 23,
    controlHeight: 48,
    controlHeightSM: 40,
    controlHeightLG: 56,
    borderRadius: 8,
    lineWidthFocus: 3,
  },
  components: {
    Menu: { itemHeight: 56, iconSize: 22 },
    Tree: { titleHeight: 40 },
    Table: { cellPaddingBlock: 16 },
    Switch: {
      trackHeight: 32,
      trackMinWidth: 64,
      handleSize: 26,
      trackHeightSM: 28,
      trackMinWidthSM: 54,
      handleSizeSM: 22,
    },
  },
};
/** The same object for the same mode, so that antd does not work out its tokens again on every draw. */
export const consoleTheme = (elder: boolean): ThemeConfig => (elder ? forElders : standard);
