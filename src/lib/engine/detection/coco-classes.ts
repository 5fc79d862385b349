/**
 * The COCO object classes by their dataset id (1 to 90; ten ids were never used, so 80 names).
 * SSD's class scores come in id order, so score column j belongs to id j + 1.
 */
const names: Record<number, [en: string, zh: string]> = {
	1: ['person', '人'],
	2: ['bicycle', '自行车'],
	3: ['car', '汽车'],
	4: ['motorcycle', '摩托车'],
	5: ['airplane', '飞机'],
	6: ['bus', '公交车'],
	7: ['train', '火车'],
	8: ['truck', '卡车'],
	9: ['boat', '船'],
	10: ['traffic light', '红绿灯'],
	11: ['fire hydrant', '消防栓'],
	13: ['stop sign', '停车标志'],
	14: ['parking meter', '停车计时器'],
	15: ['bench', '长椅'],
	16: ['bird', '鸟'],
	17: ['cat', '猫'],
	18: ['dog', '狗'],
	19: ['horse', '马'],
	20: ['sheep', '羊'],
	21: ['cow', '牛'],
	22: ['elephant', '大象'],
	23: ['bear', '熊'],
	24: ['zebra', '斑马'],
	25: ['giraffe', '长颈鹿'],
	27: ['backpack', '背包'],
	28: ['umbrella', '雨伞'],
	31: ['handbag', '手提包'],
	32: ['tie', '领带'],
	33: ['suitcase', '行李箱'],
	34: ['frisbee', '飞盘'],
	35: ['skis', '滑雪板'],
	36: ['snowboard', '单板滑雪板'],
	37: ['sports ball', '球'],
	38: ['kite', '风筝'],
	39: ['baseball bat', '棒球棒'],
	40: ['baseball glove', '棒球手套'],
	41: ['skateboard', '滑板'],
	42: ['surfboard', '冲浪板'],
	43: ['tennis racket', '网球拍'],
	44: ['bottle', '瓶子'],
	46: ['wine glass', '酒杯'],
	47: ['cup', '杯子'],
	48: ['fork', '叉子'],
	49: ['knife', '刀'],
	50: ['spoon', '勺子'],
	51: ['bowl', '碗'],
	52: ['banana', '香蕉'],
	53: ['apple', '苹果'],
	54: ['sandwich', '三明治'],
	55: ['orange', '橙子'],
	56: ['broccoli', '西兰花'],
	57: ['carrot', '胡萝卜'],
	58: ['hot dog', '热狗'],
	59: ['pizza', '披萨'],
	60: ['donut', '甜甜圈'],
	61: ['cake', '蛋糕'],
	62: ['chair', '椅子'],
	63: ['couch', '沙发'],
	64: ['potted plant', '盆栽'],
	65: ['bed', '床'],
	67: ['dining table', '餐桌'],
	70: ['toilet', '马桶'],
	72: ['tv', '电视'],
	73: ['laptop', '笔记本电脑'],
	74: ['mouse', '鼠标'],
	75: ['remote', '遥控器'],
	76: ['keyboard', '键盘'],
	77: ['cell phone', '手机'],
	78: ['microwave', '微波炉'],
	79: ['oven', '烤箱'],
	80: ['toaster', '烤面包机'],
	81: ['sink', '水槽'],
	82: ['refrigerator', '冰箱'],
	84: ['book', '书'],
	85: ['clock', '时钟'],
	86: ['vase', '花瓶'],
	87: ['scissors', '剪刀'],
	88: ['teddy bear', '泰迪熊'],
	89: ['hair drier', '吹风机'],
	90: ['toothbrush', '牙刷']
};

export const cocoClassCount = 90;

/** The English name of a COCO class id (the one tests and data attributes use). */
export function cocoLabel(classId: number): string {
	return names[classId]?.[0] ?? `class ${classId}`;
}

/** The name a reader sees, in their language. */
export function cocoLabelIn(classId: number, locale: string): string {
	const entry = names[classId];
	if (!entry) return `#${classId}`;
	return locale.startsWith('zh') ? entry[1] : entry[0];
}

/** How many distinct names there are (80 for COCO). */
export const cocoNamedClasses = Object.keys(names).length;
